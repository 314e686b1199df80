package io.muster.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.muster.common.Organisation;
import io.muster.common.Times;
import io.muster.rules.Decisions;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.security.Accounts;
import io.muster.session.SessionService;
import io.muster.session.SessionType;
import io.muster.session.TrainingSession;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the registration mails over SMTP and records each one. Called from asynchronous
 * continuations: an SMTP failure throws, the job is retried and finally becomes an incident;
 * a mail already recorded for its event is not sent again.
 */
@Service
public class Notifications {

    /** How every mail names a time: in the reader's zone, with the zone's short name at that time. */

    private final JavaMailSender mailSender;
    private final MailTemplates templates;
    private final SentMailRepository sent;
    private final MailLedger ledger;
    private final MailedRegistrations roster;
    private final SessionService sessions;
    private final PeopleService people;
    private final Accounts accounts;
    private final MailSettings settings;
    private final CalendarInvites invites;
    private final String baseUrl;
    private final Clock clock;

    Notifications(JavaMailSender mailSender, MailTemplates templates, SentMailRepository sent, MailedRegistrations roster,
            SessionService sessions, PeopleService people, Accounts accounts, MailSettings settings,
            CalendarInvites invites, Organisation organisation, Clock clock, MailLedger ledger) {
        this.ledger = ledger;
        this.invites = invites;
        this.mailSender = mailSender;
        this.templates = templates;
        this.sent = sent;
        this.roster = roster;
        this.sessions = sessions;
        this.people = people;
        this.accounts = accounts;
        this.settings = settings;
        this.baseUrl = organisation.baseUrl();
        this.clock = clock;
    }

    /**
     * Sends one mail about a registration.
     *
     * @param approver for mails to approvers: a username, or a group whose members all get it
     */
    @Transactional
    public void send(MailType type, long registrationId, String approver, Decisions.ApproverKind approverKind) {
        MailedRegistrations.Facts registration = roster.get(registrationId);
        TrainingSession session = sessions.get(registration.sessionId());
        // a reminder is due again after each change of the session; every other mail once
        String eventKey = eventKey(registrationId, type)
                + (type == MailType.REMINDER ? ":" + session.getCalendarSequence() : "");
        if (alreadySent(eventKey)) {
            return;
        }
        Person learner = people.get(registration.personId());
        List<String> recipients = type.toApprover() ? approverEmails(approver, approverKind) : List.of(learner.getEmail());
        deliverAndRecord(type, registration, session, learner, recipients, eventKey);
    }

    /**
     * A mail an admin or the trainer sends to chosen learners of a session, with their own text.
     * Each request is an event of its own: a retried request with the same key sends nothing twice.
     */
    @Transactional
    public void sendComposed(MailType type, long registrationId, String text, String requestKey) {
        MailedRegistrations.Facts registration = roster.get(registrationId);
        String eventKey = eventKey(registrationId, type) + ":" + requestKey;
        if (alreadySent(eventKey)) {
            return;
        }
        TrainingSession session = sessions.get(registration.sessionId());
        Person learner = people.get(registration.personId());
        Map<String, String> values = values(registration, session, learner);
        values.put("text", text == null ? "" : text);
        once(new SentMail(type.name(), learner.getEmail(), session.getId(), registrationId, eventKey, clock.instant(),
                messageId(eventKey)), List.of(learner.getEmail()), templates.render(type, values), null, null);
    }

    /**
     * The session moved: every registered learner gets the updated invitation (same UID, the new
     * SEQUENCE), and so does the trainer. Once per learner and change.
     */
    @Transactional
    public void sendChange(long sessionId) {
        TrainingSession session = sessions.get(sessionId);
        for (MailedRegistrations.Facts registration : roster.rosterOf(sessionId)) {
            String eventKey = eventKey(registration.id(), MailType.SESSION_CHANGED) + ":" + session.getCalendarSequence();
            if (!holdsCalendarEntry(registration) || alreadySent(eventKey)) {
                continue;
            }
            Person learner = people.get(registration.personId());
            deliverAndRecord(MailType.SESSION_CHANGED, registration, session, learner, List.of(learner.getEmail()),
                    eventKey);
        }
        sendToTrainer(MailType.TRAINER_INVITATION, sessionId);
    }

    /** How many learners of the session {@link #sendChange} would send the updated calendar entry now. */
    @Transactional(readOnly = true)
    public long calendarHolders(long sessionId) {
        return roster.rosterOf(sessionId).stream().filter(this::holdsCalendarEntry).count();
    }

    /**
     * Registered learners, and invitees and those offered a seat who have not answered yet: all have
     * the session in their calendar.
     */
    private boolean holdsCalendarEntry(MailedRegistrations.Facts registration) {
        return registration.registered() || (registration.invited() && askedToAnswer(registration.id()));
    }

    /** An invitation or a seat offer went out with the calendar entry, awaiting the learner's answer. */
    private boolean askedToAnswer(long registrationId) {
        return sent.existsByEventKey(eventKey(registrationId, MailType.INVITATION))
                || sent.existsByEventKey(eventKey(registrationId, MailType.SEAT_OFFER));
    }

    /** A mail to one person that is about no registration (an enrolment, for instance); the caller fills the values. */
    public record PersonMail(MailType type, String email, Map<String, String> values, String eventKey) {
    }

    /** What became of a batch: the events whose mail is out (now or before), and the failed ones with why. */
    public record Batch(Set<String> done, Map<String, String> failed) {
    }

    /**
     * Mails to people about no registration, once per event key, over one SMTP connection. The
     * ledger records the whole batch SENDING in one transaction before the first mail goes out,
     * and those the server took SENT in one transaction after the last; a mail the server refused
     * stays SENDING and goes out with the same Message-ID when tried again. A crash in between
     * leaves the batch SENDING, so the retry may repeat mails the server took, with their
     * Message-IDs (see MailLedger): never one already recorded SENT.
     */
    public Batch sendToPeople(List<PersonMail> mails) {
        Map<String, String> messageIds = ledger.beginAll(mails.stream().map(m -> new SentMail(m.type().name(),
                m.email(), null, null, m.eventKey(), clock.instant(), messageId(m.eventKey()))).toList());
        Map<String, String> failed = new HashMap<>();
        Map<MimeMessage, String> eventOf = new IdentityHashMap<>();
        for (PersonMail mail : mails) {
            String messageId = messageIds.get(mail.eventKey());
            if (messageId == null) {
                continue;
            }
            Map<String, String> values = new HashMap<>(mail.values());
            values.put("baseUrl", baseUrl);
            try {
                eventOf.put(message(mail.email(), templates.render(mail.type(), values), null, null, messageId),
                        mail.eventKey());
            } catch (RuntimeException e) {
                failed.put(mail.eventKey(), String.valueOf(e.getMessage()));
            }
        }
        if (!eventOf.isEmpty()) {
            try {
                mailSender.send(eventOf.keySet().toArray(MimeMessage[]::new));
            } catch (MailSendException e) {
                // the server refused these (or the connection broke before them); it took the rest
                Map<Object, Exception> refused = e.getFailedMessages().isEmpty()
                        ? eventOf.keySet().stream().collect(Collectors.toMap(m -> (Object) m, m -> (Exception) e))
                        : e.getFailedMessages();
                refused.forEach((message, why) -> failed.put(eventOf.get(message), String.valueOf(why.getMessage())));
            } catch (MailException e) {
                // no telling which went out: all stay SENDING, to go again with their Message-IDs
                eventOf.values().forEach(event -> failed.put(event, String.valueOf(e.getMessage())));
            }
            ledger.sentAll(eventOf.values().stream().filter(event -> !failed.containsKey(event)).toList());
        }
        Set<String> done = mails.stream().map(PersonMail::eventKey).filter(event -> !failed.containsKey(event))
                .collect(Collectors.toSet());
        return new Batch(done, failed);
    }

    private void deliverAndRecord(MailType type, MailedRegistrations.Facts registration, TrainingSession session, Person learner,
            List<String> recipients, String eventKey) {
        MailTemplates.Rendered mail = templates.render(type, values(registration, session, learner));
        String calendar = calendarPart(type, registration, session, learner);
        once(new SentMail(type.name(), String.join(",", recipients), session.getId(), registration.id(),
                eventKey, clock.instant(), messageId(eventKey)), recipients, mail, type.calendarMethod(), calendar);
    }

    /** Whether the event's mail went out; one left SENDING by a crash goes out again (see MailLedger). */
    private boolean alreadySent(String eventKey) {
        return sent.findByEventKey(eventKey).filter(SentMail::isSent).isPresent();
    }

    /** Recorded as SENDING, sent with the event's own Message-ID, recorded as SENT: see MailLedger. */
    private void once(SentMail record, List<String> recipients, MailTemplates.Rendered mail, String calendarMethod,
            String calendar) {
        Optional<String> messageId = ledger.begin(record);
        if (messageId.isEmpty()) {
            return;
        }
        for (String recipient : recipients) {
            deliver(recipient, mail, calendarMethod, calendar, messageId.get());
        }
        ledger.sent(record.getEventKey());
    }

    private String messageId(String eventKey) {
        return MailLedger.messageId(eventKey, host());
    }

    /** A mail about a session as a whole to its trainer (none when the session has no trainer). */
    @Transactional
    public void sendToTrainer(MailType type, long sessionId) {
        TrainingSession session = sessions.get(sessionId);
        String eventKey = "session:" + sessionId + ":" + type + ":" + session.getCalendarSequence();
        if (session.getTrainer() == null || alreadySent(eventKey)) {
            return;
        }
        Person trainer = session.getTrainer();
        ZoneId zone = ZoneId.of(trainer.getTimeZone());
        Map<String, String> values = new HashMap<>();
        values.put("trainer", trainer.getName());
        values.put("session", session.getTitle());
        values.put("sessionId", Long.toString(sessionId));
        values.put("start", Times.at(session.getStartsAt(), zone));
        values.put("reason", session.getCancellationReason());
        values.put("baseUrl", baseUrl);
        values.put("place", session.getType() == SessionType.ONLINE ? session.getOnlineUrl() : session.getLocation());
        boolean cancel = "CANCEL".equals(type.calendarMethod());
        CalendarInvites.Event event = new CalendarInvites.Event("session-" + sessionId + "@" + host(),
                session.getCalendarSequence(), session.getTitle(), session.getShortDescription(), session.getStartsAt(),
                session.getEndsAt(), session.getZone(),
                session.getType() == SessionType.IN_PERSON ? session.getLocation() : null,
                session.getType() == SessionType.ONLINE ? session.getOnlineUrl() : null,
                settings.from(), "Muster", trainer.getEmail(), trainer.getName(), false);
        once(new SentMail(type.name(), trainer.getEmail(), sessionId, null, eventKey, clock.instant(),
                messageId(eventKey)), List.of(trainer.getEmail()), templates.render(type, values), type.calendarMethod(),
                cancel ? invites.cancel(event) : invites.request(event));
    }

    private List<String> approverEmails(String approver, Decisions.ApproverKind kind) {
        if (kind == Decisions.ApproverKind.GROUP) {
            return accounts.emailsOfGroup(approver);
        }
        return List.of(people.get(approver).getEmail());
    }

    private Map<String, String> values(MailedRegistrations.Facts registration, TrainingSession session, Person learner) {
        ZoneId zone = ZoneId.of(learner.getTimeZone());
        Map<String, String> values = new HashMap<>();
        values.put("learner", learner.getName());
        values.put("session", session.getTitle());
        values.put("start", Times.at(session.getStartsAt(), zone));
        values.put("place", session.getType() == SessionType.ONLINE ? session.getOnlineUrl() : session.getLocation());
        values.put("seatsLeft", session.getSeatsLeft() == null ? "unlimited" : session.getSeatsLeft().toString());
        values.put("registrationId", Long.toString(registration.id()));
        values.put("baseUrl", baseUrl);
        values.put("offerExpiresAt", registration.offerExpiresAt() == null ? ""
                : Times.at(registration.offerExpiresAt(), zone));
        values.put("reason", registration.lastReason());
        return values;
    }

    /**
     * The registration's calendar entry: one UID per registration, so a later change or
     * cancellation updates the same entry. A CANCEL goes only where an invitation went before.
     */
    private String calendarPart(MailType type, MailedRegistrations.Facts registration, TrainingSession session, Person learner) {
        if (type.calendarMethod() == null) {
            return null;
        }
        boolean cancel = "CANCEL".equals(type.calendarMethod());
        if (cancel && !sent.existsByEventKey(eventKey(registration.id(), MailType.REGISTERED))
                && !askedToAnswer(registration.id())) {
            return null;
        }
        CalendarInvites.Event event = event(registration, session, learner, cancel ? 1 : 0,
                type != MailType.INVITATION && type != MailType.SEAT_OFFER
                        && !registration.invited());
        return cancel ? invites.cancel(event) : invites.request(event);
    }

    /**
     * A live registration's calendar entry as an {@code .ics} file ("Add to calendar"): the UID and
     * sequence of its mails, so importing it next to an invitation leaves one entry.
     */
    @Transactional(readOnly = true)
    public String calendarFile(long registrationId) {
        MailedRegistrations.Facts registration = roster.get(registrationId);
        TrainingSession session = sessions.get(registration.sessionId());
        Person learner = people.get(registration.personId());
        return invites.publish(event(registration, session, learner, 0,
                !registration.invited()));
    }

    private CalendarInvites.Event event(MailedRegistrations.Facts registration, TrainingSession session, Person learner,
            int sequenceAhead, boolean accepted) {
        return new CalendarInvites.Event(calendarUid(registration.id()),
                session.getCalendarSequence() + sequenceAhead, session.getTitle(), session.getShortDescription(),
                session.getStartsAt(), session.getEndsAt(), session.getZone(),
                session.getType() == SessionType.IN_PERSON ? session.getLocation() : null,
                session.getType() == SessionType.ONLINE ? session.getOnlineUrl() : null,
                settings.from(), "Muster", learner.getEmail(), learner.getName(), accepted);
    }

    private String calendarUid(long registrationId) {
        return "registration-" + registrationId + "@" + host();
    }

    private String host() {
        return java.net.URI.create(baseUrl).getHost();
    }

    private static String eventKey(long registrationId, MailType type) {
        return "registration:" + registrationId + ":" + type;
    }

    private void deliver(String recipient, MailTemplates.Rendered mail, String calendarMethod, String calendar,
            String messageId) {
        mailSender.send(message(recipient, mail, calendarMethod, calendar, messageId));
    }

    /** Plain text and HTML as multipart/alternative, with the calendar part beside them where there is one. */
    private MimeMessage message(String recipient, MailTemplates.Rendered mail, String calendarMethod, String calendar,
            String messageId) {
        try {
            MimeMessage message = mailSender.createMimeMessage();
            message.setFrom(new InternetAddress(settings.from(), "Muster", "UTF-8"));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipient));
            message.setSubject(mail.subject(), "UTF-8");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            if (calendar != null) {
                MimeBodyPart invite = new MimeBodyPart();
                invite.setContent(calendar, "text/calendar; charset=UTF-8; method=" + calendarMethod);
                invite.setHeader("Content-Class", "urn:content-classes:calendarmessage");
                alternative.addBodyPart(invite);
            }
            message.setContent(alternative);
            // Spring's sender keeps an explicit Message-ID when it saves the message
            message.setHeader("Message-ID", messageId);
            return message;
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("Cannot build mail to " + recipient, e);
        }
    }
}
