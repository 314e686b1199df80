package io.muster.learning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import io.muster.common.ConflictException;
import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;
import io.muster.courseitem.CourseItems;
import io.muster.enrolmentkey.EnrolmentKeyService;
import io.muster.registration.RegistrationView;
import io.muster.security.CurrentUser;
import io.muster.web.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My learning": courses with progress, hand-ins, pathways, training records, and redeeming an
 * enrolment key. The hand-ins and the key go through the services the API uses.
 */
@Controller
class LearningPages {

    private final MyLearning learning;
    private final EnrolmentKeyService keys;
    private final CourseItems items;

    LearningPages(MyLearning learning, EnrolmentKeyService keys, CourseItems items) {
        this.learning = learning;
        this.keys = keys;
        this.items = items;
    }

    @GetMapping("/me/courses")
    String courses(Model model) {
        model.addAttribute("learning", learning.of(CurrentUser.username()));
        return "learning/my-courses";
    }

    @PostMapping("/me/enrolment-keys")
    String redeem(@RequestParam(defaultValue = "") String code, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        model.addAttribute("keyCode", code);
        String typed = code.strip();
        if (typed.isEmpty()) {
            return Refusal.showOn(new InvalidInputException("Enrolment key", "enter the key you were given"),
                    response, model, () -> courses(model));
        }
        try {
            List<RegistrationView> booked = keys.redeem(typed, CurrentUser.username());
            redirect.addFlashAttribute("done", "learning.key.redeemed");
            redirect.addFlashAttribute("doneCount", booked.size());
            return "redirect:/me/registrations";
        } catch (NotFoundException e) {
            // an unknown key is the learner's typing, not a page that does not exist
            return Refusal.showOn(new ConflictException("There is no enrolment key " + typed),
                    response, model, () -> courses(model));
        } catch (RuntimeException e) {
            return Refusal.showOn(e, response, model, () -> courses(model));
        }
    }

    @PostMapping("/me/course-items/{itemId}/upload")
    String upload(@PathVariable long itemId, @RequestParam(required = false) MultipartFile file, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "choose a file that is not empty");
            }
            try (InputStream content = file.getInputStream()) {
                items.submitUpload(itemId, CurrentUser.username(), file.getOriginalFilename(), file.getContentType(),
                        content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            redirect.addFlashAttribute("done", "learning.item.handedIn");
            return "redirect:/me/courses";
        } catch (RuntimeException e) {
            return Refusal.showOn(e, response, model, () -> courses(model));
        }
    }

    @PostMapping("/me/course-items/{itemId}/evaluation")
    String evaluation(@PathVariable long itemId, @RequestParam(name = "answers", required = false) List<String> answers,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            items.submitEvaluation(itemId, CurrentUser.username(), answers == null ? List.of() : answers);
            redirect.addFlashAttribute("done", "learning.item.handedIn");
            return "redirect:/me/courses";
        } catch (RuntimeException e) {
            model.addAttribute("answers", answers);
            return Refusal.showOn(e, response, model, () -> courses(model));
        }
    }
}
