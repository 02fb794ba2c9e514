package gpuroi.workbook;

import gpuroi.model.Cluster;
import gpuroi.model.Field;
import org.junit.jupiter.api.Test;

import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every field a cluster can refuse points at its own Fleet column, so no problem loses its cell. */
class FleetColumnOfEveryClusterFieldTest {

    @Test
    void everyFieldAClusterCanRefuseHasAFleetColumn() {
        assertThat(FleetSheet.COLUMN_OF_FIELD.keySet()).containsAll(Cluster.FIELDS);
    }

    @Test
    void eachFieldHasAColumnOfTheFleetSheetAndNoTwoShareOne() {
        assertThat(FleetSheet.COLUMNS).containsAll(FleetSheet.COLUMN_OF_FIELD.values());
        assertThat(new HashSet<>(FleetSheet.COLUMN_OF_FIELD.values())).hasSameSizeAs(FleetSheet.COLUMN_OF_FIELD.keySet());
    }

    @Test
    void capexPerGpuIsReadFromTheCapexPerGpuColumn() {
        assertThat(FleetSheet.COLUMN_OF_FIELD.get(Field.CAPEX_PER_GPU)).isSameAs(FleetSheet.CAPEX_PER_GPU);
    }
}
