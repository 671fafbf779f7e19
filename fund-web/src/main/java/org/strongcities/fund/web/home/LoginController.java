package org.strongcities.fund.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.strongcities.fund.web.demo.DemoLogin;
import org.strongcities.fund.web.demo.DemoMode;
import org.strongcities.fund.web.demo.DemoSeeder;

import java.util.List;

@Controller
class LoginController {

    private final DemoMode demoMode;

    LoginController(DemoMode demoMode) {
        this.demoMode = demoMode;
    }

    @GetMapping("/login")
    String login(Model model) {
        List<DemoLogin> logins = demoMode.enabled() ? DemoSeeder.LOGINS : List.of();
        model.addAttribute("demoLogins", logins);
        model.addAttribute("demoPassword", DemoLogin.PASSWORD);
        return "login";
    }
}
