package org.strongcities.fund.process;

/** Delivers notices (e-mail, the task list banner): implemented by the web app. */
public interface ProcessNotifier {

    void send(Notice notice);
}
