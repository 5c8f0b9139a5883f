package io.containerplatform.plan.lifecycle;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanDateTest {

    @Test
    void theDayComesFromThePropertyAndABadOneIsNamed() {
        var before = System.getProperty(PlanDate.PROPERTY);
        try {
            System.setProperty(PlanDate.PROPERTY, "2027-03-27");
            assertThat(PlanDate.current()).isEqualTo(LocalDate.of(2027, 3, 27));
            System.setProperty(PlanDate.PROPERTY, "27/03/2027");
            assertThatThrownBy(PlanDate::current).hasMessage("-DplanDate=27/03/2027 is not a date; allowed: YYYY-MM-DD, such as 2026-12-04");
        } finally {
            if (before == null) {
                System.clearProperty(PlanDate.PROPERTY);
            } else {
                System.setProperty(PlanDate.PROPERTY, before);
            }
        }
    }
}
