package org.strongcities.fund.web.home;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.strongcities.fund.web.security.FundUser;
import org.strongcities.fund.web.tasks.NoticeBoard;
import org.strongcities.fund.web.tasks.TaskGroups;

@Controller
class HomeController {

    private final NoticeBoard notices;

    HomeController(NoticeBoard notices) {
        this.notices = notices;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal FundUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("notices", notices.forGroups(TaskGroups.of(user.account())));
        return "home";
    }
}
