package io.lodestone.alert.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.lifecycle.Alert;
import io.lodestone.alert.lifecycle.AlertState;
import io.lodestone.alert.notify.AlertNotice;
import io.lodestone.alert.notify.AlertNotice.Change;
import io.lodestone.alert.notify.NotificationKind;
import io.lodestone.events.RiskLevel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationComposerTest {

    @Test
    void firingNoticeReportsStillFiringUnsilencedAlertsMostSevereFirst() {
        Alert tb = alert("Tb", AlertState.FIRING, RiskLevel.HIGH);
        Alert dy = alert("Dy", AlertState.FIRING, RiskLevel.SEVERE);
        Alert sm = alert("Sm", AlertState.FIRING, RiskLevel.HIGH);
        Alert resolvedWithinGroupWait = alert("Gd", AlertState.RESOLVED, RiskLevel.GUARDED);
        Alert silenced = alert("Lu", AlertState.FIRING, RiskLevel.HIGH);
        Alert notAMember = alert("Y", AlertState.FIRING, RiskLevel.HIGH);
        Map<UUID, Change> members = members(Change.FIRED, tb, dy, sm, resolvedWithinGroupWait, silenced);

        List<AlertNotice> notices = NotificationComposer.compose(NotificationKind.FIRING, members,
                List.of(tb, dy, sm, resolvedWithinGroupWait, silenced, notAMember), alert -> alert == silenced);

        assertThat(notices).extracting(AlertNotice::element).containsExactly("Dy", "Sm", "Tb");
        assertThat(notices).extracting(AlertNotice::change).containsOnly(Change.FIRED);
    }

    @Test
    void resolveNoticeReportsOnlyResolvedAlerts() {
        Alert refired = alert("Dy", AlertState.FIRING, RiskLevel.HIGH);
        Alert resolved = alert("Tb", AlertState.RESOLVED, RiskLevel.GUARDED);

        List<AlertNotice> notices = NotificationComposer.compose(NotificationKind.RESOLVED,
                members(Change.RESOLVED, refired, resolved), List.of(refired, resolved), alert -> false);

        assertThat(notices).extracting(AlertNotice::element).containsExactly("Tb");
    }

    private static Map<UUID, Change> members(Change change, Alert... alerts) {
        Map<UUID, Change> members = new LinkedHashMap<>();
        for (Alert alert : alerts) {
            members.put(alert.id(), change);
        }
        return members;
    }

    private static Alert alert(String element, AlertState state, RiskLevel level) {
        return new Alert(UUID.randomUUID(), UUID.randomUUID(), element, state, level, 70, RiskLevel.GUARDED, 30.0,
                RiskLevel.GUARDED, level, List.of(), Instant.EPOCH, state == AlertState.RESOLVED ? Instant.EPOCH : null,
                Instant.EPOCH, false, null);
    }
}
