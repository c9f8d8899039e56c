package org.rebound.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageModelTest {

    @ParameterizedTest(name = "{0} is under {1}")
    @CsvSource({
            "/, dashboard",
            "/dashboard/live, dashboard",
            "/systems/erp-core, systems",
            "/systems-table, systems",
            "/processes/payroll/panel, systems",
            "/map, map",
            "/plan, plan",
            "/incidents/3/obligations, incidents",
            "/playbooks, incidents",
            "/obligations/deadlines, incidents",
            "/readiness, readiness",
            "/users/erin, users"})
    void everyPageIsPlacedUnderItsNavigationEntry(String path, String section) {
        assertThat(PageModel.section(path)).isEqualTo(section);
    }
}
