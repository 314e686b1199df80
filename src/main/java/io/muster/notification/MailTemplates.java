package io.muster.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Mail texts live in resources/mail as files, two per type: {template}.txt (first line the
 * subject) and {template}.html. {name} is a placeholder; in HTML its value is escaped.
 */
@Component
class MailTemplates {

    record Rendered(String subject, String text, String html) {
    }

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    Rendered render(MailType type, Map<String, String> values) {
        String text = fill(load(type.template() + ".txt"), values, false);
        String html = fill(load(type.template() + ".html"), values, true);
        int newline = text.indexOf('\n');
        String subject = text.substring(0, newline).replaceFirst("^Subject: ", "").trim();
        return new Rendered(subject, text.substring(newline + 1), html);
    }

    private static String fill(String template, Map<String, String> values, boolean escape) {
        String result = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            String v = value.getValue() == null ? "" : value.getValue();
            result = result.replace("{" + value.getKey() + "}", escape ? HtmlUtils.htmlEscape(v) : v);
        }
        return result;
    }

    private String load(String file) {
        return cache.computeIfAbsent(file, name -> {
            try (InputStream in = new ClassPathResource("mail/" + name).getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("No mail template " + name, e);
            }
        });
    }
}
