package gpuroi.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Cluster.FIELDS lists exactly the fields a cluster's validation can refuse, so readers can be checked against it. */
class ClusterFieldsTest {

    private static Set<Field> refused(Cluster.Builder builder) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, builder::build);
        assertThat(e).as("the cluster should be refused").isNotNull();
        Set<Field> fields = EnumSet.noneOf(Field.class);
        e.all().forEach(each -> fields.add(each.field()));
        return fields;
    }

    @Test
    void everyFieldListedIsOneAClusterWithEveryValueWrongReportsAndNoOtherIs() {
        Set<Field> reported = EnumSet.noneOf(Field.class);
        // Every number out of range, the texts blank and no status.
        reported.addAll(refused(Cluster.builder(" ").gpuModel("").gpuCount(0).capexPerGpu(-1).status(null).lifeYears(0)
                .residualShare(-1).powerKwPerGpu(700).pue(0.5).electricityPerKwh(-1).otherOpexPerGpuMonth(-1).utilization(2)
                .startPricePerGpuHour(-1).secondaryPricePerGpu(-1.0)));
        // An owned cluster without its purchase date: a check the missing status above cannot reach.
        reported.addAll(refused(Cluster.builder("c1").capexPerGpu(30_000).startPricePerGpuHour(2.5).status(ClusterStatus.OWNED)));

        assertThat(reported).containsExactlyInAnyOrderElementsOf(Cluster.FIELDS);
    }

    @Test
    void aUsefulLifeThatIsNotWholeMonthsIsRefusedAsAListedField() {
        assertThatThrownBy(() -> Cluster.builder("c1").lifeYears(4.33))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(Cluster.FIELDS).contains(e.field()));
    }

    @Test
    void theMessageNamesTheFieldByItsLabelAsBefore() {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> Cluster.builder("c1").capexPerGpu(-5).startPricePerGpuHour(2.5).startDate(LocalDate.of(2025, 1, 1)).build());
        assertThat(e.field()).isEqualTo(Field.CAPEX_PER_GPU);
        assertThat(e.getMessage()).isEqualTo("capex per GPU: found -5.0, expected an amount from 0 to 1,000,000,000 per GPU");
    }
}
