package org.strongcities.fund.process;

import java.util.ArrayList;
import java.util.List;

/** Keeps the notices the processes sent, for the tests to read. */
public class RecordingNotifier implements ProcessNotifier {

    public final List<Notice> notices = new ArrayList<>();

    @Override
    public void send(Notice notice) {
        notices.add(notice);
    }
}
