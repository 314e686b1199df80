package io.muster.coordinator;

import io.muster.registration.Approvals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The registrations waiting for approval, per session: who asked, who decides, since when, each
 * linking to its task in Tasklist, where approvers decide.
 */
@Controller
class ApprovalPages {

    private final Approvals approvals;

    ApprovalPages(Approvals approvals) {
        this.approvals = approvals;
    }

    @GetMapping("/admin/approvals")
    String list(Model model) {
        model.addAttribute("sessions", approvals.open());
        return "coordinator/approvals";
    }
}
