package org.strongcities.fund.web.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The verifier, for administrators and finance: as JSON for tools and as a page for people. */
@Controller
@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'FINANCE_OFFICER', 'FINANCE_APPROVER')")
public class AuditController {

    private final AuditChainVerifier verifier;

    public AuditController(AuditChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping(path = "/audit/verify", produces = "application/json")
    @ResponseBody
    public ChainVerification verify() {
        return verifier.verify();
    }

    @GetMapping("/audit")
    public String page(Model model) {
        model.addAttribute("verification", verifier.verify());
        return "audit/verify";
    }
}
