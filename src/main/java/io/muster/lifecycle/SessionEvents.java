package io.muster.lifecycle;

import io.muster.session.SessionService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Publishing starts a session's lifecycle, a new date, time or place moves it, deleting ends it: in the same transaction. */
@Component
class SessionEvents {

    private final SessionLifecycleFacade lifecycle;
    private final SessionService sessions;

    SessionEvents(SessionLifecycleFacade lifecycle, SessionService sessions) {
        this.lifecycle = lifecycle;
        this.sessions = sessions;
    }

    @EventListener
    void on(SessionService.Published event) {
        lifecycle.start(sessions.get(event.sessionId()));
    }

    @EventListener
    void on(SessionService.Rescheduled event) {
        lifecycle.changed(event.sessionId());
    }

    @EventListener
    void on(SessionService.Deleted event) {
        lifecycle.end(event.sessionId(), "Session deleted");
    }
}
