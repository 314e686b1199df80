package io.muster.segment;

import io.muster.people.PeopleService;
import io.muster.security.CurrentUser;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Segment membership follows a person's profile, in the transaction that changed it; when it
 * changed, smart enrolment catches up after the commit.
 */
@Component
class ProfileChanges {

    private final SegmentMembership membership;
    private final SmartEnrolmentFacade smartEnrolment;

    ProfileChanges(SegmentMembership membership, SmartEnrolmentFacade smartEnrolment) {
        this.membership = membership;
        this.smartEnrolment = smartEnrolment;
    }

    @EventListener
    void on(PeopleService.ProfileChanged event) {
        if (!membership.follow(event.personId()).isEmpty()) {
            smartEnrolment.personSegmentsChanged(event.personId(), CurrentUser.username());
        }
    }
}
