package io.muster.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in, and where "/" takes each person: a learner to their sessions, anyone else to what they can do. */
@Controller
class StartPage {

    private final PageContext page;

    StartPage(PageContext page) {
        this.page = page;
    }

    @GetMapping("/")
    String start() {
        return page.viewer().isLearner() ? "redirect:/sessions" : "web/start";
    }

    @GetMapping("/login")
    String login() {
        return "web/login";
    }
}
