package org.strongcities.fund.web.admin;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Operators' view of the process engine: running processes, failed jobs and open incidents, with retry. */
@Controller
@RequestMapping("/admin/processes")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class ProcessesController {

    private final ProcessOverview processes;
    private final AdminText text;

    ProcessesController(ProcessOverview processes, AdminText text) {
        this.processes = processes;
        this.text = text;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("running", processes.running());
        model.addAttribute("runningCount", processes.runningCount());
        model.addAttribute("page", ProcessOverview.PAGE);
        model.addAttribute("incidents", processes.incidents());
        model.addAttribute("failedJobs", processes.failedJobs());
        String cycle = processes.defaultRetryCycle();
        model.addAttribute("retryCycle", cycle == null || cycle.isBlank() ? text.get("admin.processes.retry.builtIn") : cycle);
        return "admin/processes";
    }

    @PostMapping("/jobs/{jobId}/retry")
    String retry(@PathVariable String jobId, RedirectAttributes redirect) {
        processes.retry(jobId).ifPresentOrElse(
                job -> redirect.addFlashAttribute("message", text.get("admin.processes.retried", jobId)),
                () -> redirect.addFlashAttribute("error", text.get("admin.processes.noJob", jobId)));
        return "redirect:/admin/processes";
    }
}
