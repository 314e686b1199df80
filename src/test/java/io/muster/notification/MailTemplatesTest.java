package io.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every mail template, filled in: its links lead to pages (or Tasklist), never into the JSON API. */
class MailTemplatesTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    @ParameterizedTest
    @EnumSource(MailType.class)
    void linksLeadToPagesOnly(MailType type) {
        Map<String, String> values = new HashMap<>();
        for (String name : new String[] {"learner", "trainer", "session", "start", "place", "seatsLeft", "reason",
                "offerExpiresAt", "text", "course", "method", "sessions"}) {
            values.put(name, name);
        }
        values.put("baseUrl", "https://muster.example.org");
        values.put("registrationId", "41");
        values.put("sessionId", "7");
        values.put("launchUrl", "https://learn.example.org/launch");

        MailTemplates.Rendered mail = new MailTemplates().render(type, values);

        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body).doesNotContain("/api/").doesNotContain("POST ").doesNotContainPattern("\\{[a-zA-Z]+\\}");
            assertThat(LINK.matcher(body).results().map(m -> m.group().replaceAll("[\"<].*", "")))
                    .allMatch(link -> link.equals("https://muster.example.org/registrations/41")
                            || link.equals("https://muster.example.org/sessions/7")
                            || link.equals("https://muster.example.org/camunda/app/tasklist/")
                            || link.equals("https://learn.example.org/launch"));
        }
    }
}
