package io.muster.coordinator;

import io.muster.autoenrol.AutoEnrolCycleFacade;
import io.muster.autoenrol.AutoEnrolSettings;
import io.muster.course.CourseKind;
import io.muster.course.CourseService;
import io.muster.course.EnrolmentMethod;
import io.muster.courseitem.CourseItemKind;
import io.muster.courseitem.CourseItemRequest;
import io.muster.courseitem.CourseItems;
import io.muster.security.CurrentUser;
import io.muster.web.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's courses: the list with a search, the course form, and a course with its
 * uploads and evaluations, its auto-enrol settings and "Run auto-enrol now". Admins and
 * enrolment managers read courses and their items; only admins change them and see auto-enrol,
 * as in the API, through the services the API uses and checked by the rules of its requests.
 */
@Controller
class CoursePages {

    private static final String ADMIN = "hasRole('ADMIN')";

    private final CoordinatorCourses read;
    private final CourseService courses;
    private final CourseItems items;
    private final AutoEnrolSettings autoEnrol;
    private final AutoEnrolCycleFacade cycle;
    private final Validator validator;

    CoursePages(CoordinatorCourses read, CourseService courses, CourseItems items, AutoEnrolSettings autoEnrol,
            AutoEnrolCycleFacade cycle, Validator validator) {
        this.read = read;
        this.courses = courses;
        this.items = items;
        this.autoEnrol = autoEnrol;
        this.cycle = cycle;
        this.validator = validator;
    }

    @GetMapping("/admin/courses")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("courses", read.search(q));
        model.addAttribute("mayChange", CurrentUser.isAdmin());
        return "coordinator/courses";
    }

    @GetMapping("/admin/courses/new")
    @PreAuthorize(ADMIN)
    String create(Model model) {
        CourseForm form = new CourseForm();
        form.setKind(CourseKind.ILT);
        form.setEnrolmentMethod(EnrolmentMethod.SELF);
        return courseForm(null, form, model);
    }

    @PostMapping("/admin/courses")
    @PreAuthorize(ADMIN)
    String create(@ModelAttribute("courseForm") CourseForm form, BindingResult binding, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!FormChecks.check(form.request(), binding, validator)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return courseForm(null, form, model);
        }
        try {
            long id = courses.create(form.request()).getId();
            redirect.addFlashAttribute("done", "courses.created");
            return "redirect:/admin/courses/" + id;
        } catch (RuntimeException e) {
            return Refusal.showOnForm(e, binding, response, model, () -> courseForm(null, form, model));
        }
    }

    @GetMapping("/admin/courses/{id}")
    String course(@PathVariable long id, Model model) {
        boolean admin = CurrentUser.isAdmin();
        CoordinatorCourses.CoursePage page = read.page(id, admin);
        model.addAttribute("page", page);
        model.addAttribute("mayChange", admin);
        model.addAttribute("itemKinds", CourseItemKind.values());
        if (!model.containsAttribute("itemForm")) {
            CourseItemForm item = new CourseItemForm();
            item.setKind(CourseItemKind.UPLOAD);
            model.addAttribute("itemForm", item);
        }
        if (admin && !model.containsAttribute("autoEnrolForm")) {
            model.addAttribute("autoEnrolForm", AutoEnrolForm.of(page.autoEnrol()));
        }
        return "coordinator/course";
    }

    @GetMapping("/admin/courses/{id}/edit")
    @PreAuthorize(ADMIN)
    String edit(@PathVariable long id, Model model) {
        return courseForm(id, CourseForm.of(read.get(id)), model);
    }

    @PostMapping("/admin/courses/{id}/edit")
    @PreAuthorize(ADMIN)
    String edit(@PathVariable long id, @ModelAttribute("courseForm") CourseForm form, BindingResult binding,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!FormChecks.check(form.request(), binding, validator)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return courseForm(id, form, model);
        }
        try {
            courses.update(id, form.request());
            redirect.addFlashAttribute("done", "courses.saved");
            return "redirect:/admin/courses/" + id;
        } catch (RuntimeException e) {
            return Refusal.showOnForm(e, binding, response, model, () -> courseForm(id, form, model));
        }
    }

    @PostMapping("/admin/courses/{id}/items")
    @PreAuthorize(ADMIN)
    String addItem(@PathVariable long id, @ModelAttribute("itemForm") CourseItemForm form, BindingResult binding,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CourseItemRequest r = form.request();
        if (!FormChecks.check(r, binding, validator)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return course(id, model);
        }
        try {
            items.create(id, r.kind(), r.title(), r.required(), r.questions());
            redirect.addFlashAttribute("done", "courses.itemAdded");
            return "redirect:/admin/courses/" + id;
        } catch (RuntimeException e) {
            return Refusal.showOnForm(e, binding, response, model, () -> course(id, model));
        }
    }

    /** The first "Remove": says what goes with the item before anything is removed. */
    @GetMapping("/admin/courses/{id}/items/{itemId}/remove")
    @PreAuthorize(ADMIN)
    String confirmRemoveItem(@PathVariable long id, @PathVariable long itemId, Model model) {
        model.addAttribute("course", read.get(id));
        model.addAttribute("item", read.item(id, itemId));
        return "coordinator/course-item-remove";
    }

    @PostMapping("/admin/courses/{id}/items/{itemId}/remove")
    @PreAuthorize(ADMIN)
    String removeItem(@PathVariable long id, @PathVariable long itemId, RedirectAttributes redirect) {
        items.delete(id, itemId);
        redirect.addFlashAttribute("done", "courses.itemRemoved");
        return "redirect:/admin/courses/" + id;
    }

    @PostMapping("/admin/courses/{id}/auto-enrol")
    @PreAuthorize(ADMIN)
    String saveAutoEnrol(@PathVariable long id, @ModelAttribute("autoEnrolForm") AutoEnrolForm form,
            BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!FormChecks.check(form.request(), binding, validator)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return course(id, model);
        }
        autoEnrol.saveCourse(form.request().settingsOf(id));
        redirect.addFlashAttribute("done", "courses.autoEnrolSaved");
        return "redirect:/admin/courses/" + id + "#auto-enrol";
    }

    /** Starts a run over every course with auto-enrol on, as the API's run endpoint does; it ends in the background. */
    @PostMapping("/admin/courses/{id}/auto-enrol/runs")
    @PreAuthorize(ADMIN)
    String runAutoEnrol(@PathVariable long id, RedirectAttributes redirect) {
        read.get(id);
        cycle.start(CurrentUser.username());
        redirect.addFlashAttribute("done", "courses.runBegun");
        return "redirect:/admin/courses/" + id + "#last-run";
    }

    private String courseForm(Long id, CourseForm form, Model model) {
        model.addAttribute("courseId", id);
        model.addAttribute("courseForm", form);
        model.addAttribute("kinds", CourseKind.values());
        model.addAttribute("methods", EnrolmentMethod.values());
        return "coordinator/course-form";
    }
}
