package org.rebound.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentWorkflowTest {

    @Test
    void theDefaultWorkflowFollowsTheNistPhasesFromNewToClosed() {
        assertThat(IncidentWorkflow.DEFAULT.initial()).isEqualTo("new");
        assertThat(IncidentWorkflow.DEFAULT.closed()).isEqualTo("closed");
        assertThat(IncidentWorkflow.DEFAULT.spelling(" Containment ")).hasValue("containment");
        assertThat(IncidentWorkflow.DEFAULT.spelling("done")).isEmpty();
        assertThat(IncidentWorkflow.problems(IncidentWorkflow.DEFAULT.statuses())).isEmpty();
    }

    @Test
    void aWorkflowNeedsTwoDistinctWellFormedStatuses() {
        assertThat(IncidentWorkflow.problems(List.of("open"))).containsExactly(
                "at least two statuses: the first for new incidents, the last for closed ones");
        assertThat(IncidentWorkflow.problems(List.of("new", "Waiting on police", "new", "closed"))).containsExactly(
                "'Waiting on police' is not a status: lower-case letters, digits and hyphens, up to 40", "'new' appears twice");
    }
}
