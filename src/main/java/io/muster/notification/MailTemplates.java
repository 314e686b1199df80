package io.muster.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Mail texts live in resources/mail as files; the first line is the subject, {name} a placeholder. */
@Component
class MailTemplates {

    record Rendered(String subject, String body) {
    }

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    Rendered render(MailType type, Map<String, String> values) {
        String text = cache.computeIfAbsent(type.template(), MailTemplates::load);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue() == null ? "" : value.getValue());
        }
        int newline = text.indexOf('\n');
        String subject = text.substring(0, newline).replaceFirst("^Subject: ", "").trim();
        return new Rendered(subject, text.substring(newline + 1));
    }

    private static String load(String template) {
        try (InputStream in = new ClassPathResource("mail/" + template + ".txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("No mail template " + template, e);
        }
    }
}
