package io.muster.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.muster.common.InvalidInputException;
import io.muster.people.PeopleDirectory;
import io.muster.registration.RegistrationStatus;
import io.muster.security.CurrentUser;
import io.muster.session.SessionSummary;
import io.muster.web.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The trainer's sessions and their attendance: one line per learner, Attended or Absent, and
 * walk-ins. Saving records attendance as the API and the Tasklist form do, so the attendance task
 * ends with it. Only the session's trainer and admins open a session here; to anyone else it is absent.
 */
@Controller
class TrainerPages {

    /** A form field per learner: "status." followed by the username. */
    static final String STATUS_PREFIX = "status.";

    private static final int FIND_MAX = 100;
    private static final int WALK_IN_CHOICES = 20;

    private final TrainerSessions trainerSessions;
    private final AttendanceService attendance;
    private final PeopleDirectory people;
    private final Clock clock;

    TrainerPages(TrainerSessions trainerSessions, AttendanceService attendance, PeopleDirectory people, Clock clock) {
        this.trainerSessions = trainerSessions;
        this.attendance = attendance;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/trainer/sessions")
    String mySessions(Model model) {
        Instant now = clock.instant();
        List<SessionSummary> mine = trainerSessions.of(CurrentUser.username());
        model.addAttribute("upcoming", mine.stream().filter(s -> s.endsAt().isAfter(now)).toList());
        model.addAttribute("recent", mine.stream().filter(s -> !s.endsAt().isAfter(now))
                .sorted(Comparator.comparing(SessionSummary::startsAt).reversed()).toList());
        return "lifecycle/trainer-sessions";
    }

    /** The session's attendance; with "find", the people a walk-in may be, to pick from. */
    @GetMapping("/trainer/sessions/{id}")
    String session(@PathVariable long id, @RequestParam(required = false) String find, Model model) {
        model.addAttribute("detail", trainerSessions.session(id, CurrentUser.username(), CurrentUser.isAdmin()));
        if (find != null && !find.isBlank()) {
            String text = find.strip().substring(0, Math.min(find.strip().length(), FIND_MAX));
            model.addAttribute("find", text);
            model.addAttribute("found", people.search(text, 0, WALK_IN_CHOICES));
        }
        return "lifecycle/trainer-session";
    }

    /** "Save attendance": every line as chosen, and a walk-in when one is named. */
    @PostMapping("/trainer/sessions/{id}/attendance")
    String record(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        trainerSessions.session(id, CurrentUser.username(), CurrentUser.isAdmin());
        String walkIn = form.getOrDefault("walkIn", "").strip();
        model.addAttribute("walkIn", walkIn);
        try {
            List<AttendanceService.Line> lines = new ArrayList<>();
            form.forEach((field, value) -> {
                if (field.startsWith(STATUS_PREFIX) && !value.isBlank()) {
                    lines.add(new AttendanceService.Line(field.substring(STATUS_PREFIX.length()), status(value)));
                }
            });
            if (!walkIn.isEmpty()) {
                lines.add(new AttendanceService.Line(walkIn, RegistrationStatus.GO_SHOW));
            }
            attendance.record(id, lines, CurrentUser.username(), CurrentUser.isAdmin());
            redirect.addFlashAttribute("done", "trainer.saved");
            return "redirect:/trainer/sessions/" + id;
        } catch (RuntimeException e) {
            return Refusal.showOn(e, response, model, () -> session(id, null, model));
        }
    }

    private static RegistrationStatus status(String value) {
        return java.util.stream.Stream.of(RegistrationStatus.ATTENDED, RegistrationStatus.ABSENT)
                .filter(status -> status.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInputException("status", "Attended or Absent"));
    }
}
