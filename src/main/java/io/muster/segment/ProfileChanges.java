package io.muster.segment;

import io.muster.people.PeopleService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Segment membership follows a person's profile, in the transaction that changed it. */
@Component
class ProfileChanges {

    private final SegmentMembership membership;

    ProfileChanges(SegmentMembership membership) {
        this.membership = membership;
    }

    @EventListener
    void on(PeopleService.ProfileChanged event) {
        membership.follow(event.personId());
    }
}
