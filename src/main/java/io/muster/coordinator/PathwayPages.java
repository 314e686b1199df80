package io.muster.coordinator;

import io.muster.course.CourseKind;
import io.muster.pathway.Pathway;
import io.muster.pathway.PathwayRequest;
import io.muster.pathway.PathwayService;
import io.muster.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Learning pathways: the list with their steps, a new pathway, one to change (title and steps
 * replaced, as in the API) or delete after a confirmation. Admins only, as in the API.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PathwayPages {

    private final CoordinatorPathways read;
    private final CourseChoices courses;
    private final PathwayService pathways;
    private final Forms forms;

    PathwayPages(CoordinatorPathways read, CourseChoices courses, PathwayService pathways, Forms forms) {
        this.read = read;
        this.courses = courses;
        this.pathways = pathways;
        this.forms = forms;
    }

    @GetMapping("/admin/pathways")
    String list(Model model) {
        model.addAttribute("pathways", read.all());
        return "coordinator/pathways";
    }

    @GetMapping("/admin/pathways/new")
    String newPathway(Model model) {
        return form(new PathwayForm(), null, new FormErrors(), model);
    }

    @PostMapping("/admin/pathways")
    String create(@ModelAttribute("form") PathwayForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        PathwayRequest r = form.toRequest();
        return forms.submit(r, form.unreadable(), response, model, errors -> form(form, null, errors, model), () -> {
            Pathway pathway = pathways.create(r.title(), r.specs(), CurrentUser.username());
            redirect.addFlashAttribute("done", "pathways.created");
            return "redirect:/admin/pathways/" + pathway.getId();
        });
    }

    @GetMapping("/admin/pathways/{id}")
    String pathway(@PathVariable long id, Model model) {
        return form(read.form(id), id, new FormErrors(), model);
    }

    @PostMapping("/admin/pathways/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") PathwayForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        PathwayRequest r = form.toRequest();
        return forms.submit(r, form.unreadable(), response, model, errors -> form(form, id, errors, model), () -> {
            pathways.update(id, r.title(), r.specs());
            redirect.addFlashAttribute("done", "pathways.saved");
            return "redirect:/admin/pathways/" + id;
        });
    }

    /** The first "Delete": names the pathway; the second, on this page, deletes it. */
    @GetMapping("/admin/pathways/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("pathway", read.get(id));
        return "coordinator/pathway-delete";
    }

    @PostMapping("/admin/pathways/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        pathways.delete(id);
        redirect.addFlashAttribute("done", "pathways.deleted");
        return "redirect:/admin/pathways";
    }

    private String form(PathwayForm form, Long id, FormErrors errors, Model model) {
        model.addAttribute("form", form.withSpareRows());
        model.addAttribute("pathway", id == null ? null : read.get(id));
        model.addAttribute("errors", errors);
        model.addAttribute("courses", courses.ofKind(CourseKind.ELEARNING));
        model.addAttribute("sessions", read.sessions());
        return "coordinator/pathway-form";
    }
}
