package org.strongcities.fund.web.home;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.strongcities.fund.web.security.FundUser;

@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal FundUser user, Model model) {
        model.addAttribute("user", user);
        return "home";
    }
}
