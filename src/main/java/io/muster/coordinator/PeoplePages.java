package io.muster.coordinator;

import java.util.List;

import io.muster.people.EmploymentType;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.people.PersonRequest;
import io.muster.people.ProfileUpdate;
import io.muster.security.MusterGroups;
import io.muster.web.PageContext;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * People: the list with search and paging, a new person with their login, and a profile to edit.
 * Admins only, as in the API, which offers no deletion of a person: neither does the page.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PeoplePages {

    private final CoordinatorPeople read;
    private final PeopleService people;
    private final Forms forms;
    private final PageContext page;

    PeoplePages(CoordinatorPeople read, PeopleService people, Forms forms, PageContext page) {
        this.read = read;
        this.people = people;
        this.forms = forms;
        this.page = page;
    }

    @GetMapping("/admin/people")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("found", read.search(q, page));
        return "coordinator/people";
    }

    @GetMapping("/admin/people/new")
    String newPerson(Model model) {
        PersonForm form = new PersonForm();
        form.setTimeZone(page.zone().getId());
        form.setGroups(List.of(MusterGroups.LEARNERS));
        return form(form, null, new FormErrors(), model);
    }

    @PostMapping("/admin/people")
    String create(@ModelAttribute("form") PersonForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        PersonRequest r = form.toRequest();
        return forms.submit(r, form.unreadable(), response, model, errors -> form(form, null, errors, model), () -> {
            Person person = people.create(r.username(), r.password(), r.name(), r.email(), r.department(),
                    r.jobRole(), r.location(), r.employmentType(), r.managerUsername(), r.timeZone(), r.groups(),
                    r.profileFields());
            redirect.addFlashAttribute("done", "people.created");
            return "redirect:/admin/people/" + person.getUsername() + "/edit";
        });
    }

    @GetMapping("/admin/people/{username}/edit")
    String edit(@PathVariable String username, Model model) {
        return form(read.form(username), username, new FormErrors(), model);
    }

    @PostMapping("/admin/people/{username}/edit")
    String update(@PathVariable String username, @ModelAttribute("form") PersonForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        form.setUsername(username);
        ProfileUpdate r = form.toUpdate();
        return forms.submit(r, form.unreadable(), response, model, errors -> form(form, username, errors, model),
                () -> {
                    people.updateProfile(username, r.name(), r.email(), r.department(), r.jobRole(), r.location(),
                            r.employmentType(), r.managerUsername(), r.timeZone(), r.profileFields());
                    redirect.addFlashAttribute("done", "people.saved");
                    return "redirect:/admin/people/" + username + "/edit";
                });
    }

    /** The form for a new person ({@code editing} null) or to edit one, whose groups are shown, not changed. */
    private String form(PersonForm form, String editing, FormErrors errors, Model model) {
        if (editing != null) {
            form.setGroups(people.groupsOf(editing));
        }
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        model.addAttribute("types", EmploymentType.values());
        model.addAttribute("groups", MusterGroups.ALL);
        return "coordinator/person-form";
    }
}
