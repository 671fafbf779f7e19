package org.strongcities.fund.web.admin;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.strongcities.fund.web.security.Accounts;

/** The administration home: how many of each there are, and where to manage them. */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AdminController {

    private final Accounts accounts;
    private final Directory directory;
    private final ProcessOverview processes;

    AdminController(Accounts accounts, Directory directory, ProcessOverview processes) {
        this.accounts = accounts;
        this.directory = directory;
        this.processes = processes;
    }

    @GetMapping
    String home(Model model) {
        model.addAttribute("accountCount", accounts.all().size());
        model.addAttribute("hubCount", directory.hubs().size());
        model.addAttribute("cityCount", directory.cities().size());
        model.addAttribute("donorCount", directory.donors().size());
        model.addAttribute("runningCount", processes.runningCount());
        model.addAttribute("incidentCount", processes.incidentCount());
        return "admin/index";
    }
}
