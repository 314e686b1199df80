package io.muster.registration;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;
import io.muster.notification.Notifications;
import io.muster.security.CurrentUser;
import io.muster.web.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A session's page and the learner's registrations, with the actions that fit: book, join the
 * waiting list, accept or decline an offer or invitation, cancel with a reason. Every action is a
 * plain form post answered with a redirect, so it works without script; a refusal shows the
 * API's reason on the page it came from, with what was typed, and changes nothing.
 */
@Controller
class BookingPages {

    private static final int REASON_MAX = 1000;

    private final MyBookings bookings;
    private final Bookings service;
    private final Answers answers;
    private final Clock clock;
    private final Notifications notifications;

    BookingPages(MyBookings bookings, Bookings service, Answers answers, Clock clock, Notifications notifications) {
        this.notifications = notifications;
        this.bookings = bookings;
        this.service = service;
        this.answers = answers;
        this.clock = clock;
    }

    @GetMapping("/sessions/{id}")
    String session(@PathVariable long id, Model model) {
        model.addAttribute("booking", bookings.session(id, CurrentUser.username(), CurrentUser.managesEnrolments()));
        return "registration/session";
    }

    /** "Book" and "Join waiting list" alike: the registration process decides seat, queue or approval. */
    @PostMapping("/sessions/{id}/registrations")
    String book(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        String me = CurrentUser.username();
        try {
            RegistrationView booked = service.book(id, me, me, false);
            redirect.addFlashAttribute("done", outcome(booked.status()));
            return "redirect:/sessions/" + id;
        } catch (RuntimeException e) {
            return Refusal.showOn(e, response, model, () -> session(id, model));
        }
    }

    @GetMapping("/me/registrations")
    String mine(Model model) {
        List<MyBookings.Line> lines = bookings.registrationsOf(CurrentUser.username());
        model.addAttribute("answers", lines.stream().filter(l -> l.mine().canAnswer()).toList());
        model.addAttribute("upcoming", lines.stream().filter(l -> !l.mine().canAnswer() && !isPast(l)).toList());
        model.addAttribute("past", lines.stream().filter(l -> !l.mine().canAnswer() && isPast(l)).toList());
        return "registration/my-registrations";
    }

    private boolean isPast(MyBookings.Line line) {
        return line.session().endsAt().isBefore(clock.instant()) || !line.mine().isLive();
    }

    @GetMapping("/registrations/{id}")
    String registration(@PathVariable long id, Model model) {
        model.addAttribute("line", bookings.registration(id, CurrentUser.username(), CurrentUser.managesEnrolments()));
        return "registration/registration";
    }

    /** "Add to calendar": the registration's entry with the UID its mails carry. */
    @GetMapping(value = "/registrations/{id}/calendar.ics")
    ResponseEntity<String> calendar(@PathVariable long id) {
        MyBookings.Line line = bookings.registration(id, CurrentUser.username(), CurrentUser.managesEnrolments());
        if (!line.mine().isLive()) {
            throw new NotFoundException("Calendar entry of registration", id);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("muster-session-" + line.session().id() + ".ics").build().toString())
                .body(notifications.calendarFile(id));
    }

    /** The first "Cancel registration": asks for a reason before anything changes. */
    @GetMapping("/registrations/{id}/cancel")
    String confirmCancel(@PathVariable long id, Model model) {
        registration(id, model);
        return "registration/cancel";
    }

    @PostMapping("/registrations/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        model.addAttribute("reason", reason);
        if (why != null && why.length() > REASON_MAX) {
            return Refusal.showOn(new InvalidInputException("reason",
                    "at most " + REASON_MAX + " characters"), response, model, () -> confirmCancel(id, model));
        }
        try {
            service.cancel(id, CurrentUser.username(), CurrentUser.managesEnrolments(), why);
            redirect.addFlashAttribute("done", "registration.cancelled");
            return "redirect:/registrations/" + id;
        } catch (RuntimeException e) {
            return Refusal.showOn(e, response, model, () -> confirmCancel(id, model));
        }
    }

    @PostMapping("/registrations/{id}/accept")
    String accept(@PathVariable long id, @RequestParam(required = false) String from, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            RegistrationView accepted = answers.accept(id, CurrentUser.username(), CurrentUser.managesEnrolments());
            redirect.addFlashAttribute("done", outcome(accepted.status()));
            return back(id, from);
        } catch (RuntimeException e) {
            return Refusal.showOn(e, response, model, () -> answeredFrom(id, from, model));
        }
    }

    @PostMapping("/registrations/{id}/decline")
    String decline(@PathVariable long id, @RequestParam(required = false) String from, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            answers.decline(id, CurrentUser.username(), CurrentUser.managesEnrolments());
            redirect.addFlashAttribute("done", "registration.declined");
            return back(id, from);
        } catch (RuntimeException e) {
            return Refusal.showOn(e, response, model, () -> answeredFrom(id, from, model));
        }
    }

    /** The attendance reminder's "still coming": noted in the registration's history. */
    @PostMapping("/registrations/{id}/confirm")
    String confirm(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            service.confirm(id, CurrentUser.username(), CurrentUser.managesEnrolments());
            redirect.addFlashAttribute("done", "registration.confirmed");
            return "redirect:/registrations/" + id;
        } catch (RuntimeException e) {
            return Refusal.showOn(e, response, model, () -> registration(id, model));
        }
    }

    private String answeredFrom(long id, String from, Model model) {
        return "mine".equals(from) ? mine(model) : registration(id, model);
    }

    private static String back(long id, String from) {
        return "mine".equals(from) ? "redirect:/me/registrations" : "redirect:/registrations/" + id;
    }

    static String outcome(RegistrationStatus status) {
        return switch (status) {
            case REGISTERED -> "registration.outcome.registered";
            case WAITING_LIST -> "registration.outcome.waiting";
            case NEEDS_APPROVAL -> "registration.outcome.approval";
            default -> "registration.outcome.other";
        };
    }
}
