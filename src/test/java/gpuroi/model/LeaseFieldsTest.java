package gpuroi.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Lease.FIELDS lists exactly the fields a contract's validation can refuse, so the Leases sheet can be checked against it. */
class LeaseFieldsTest {

    private static Set<Field> refused(Runnable construction) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, construction::run);
        assertThat(e).as("the contract should be refused").isNotNull();
        Set<Field> fields = EnumSet.noneOf(Field.class);
        e.all().forEach(each -> fields.add(each.field()));
        return fields;
    }

    @Test
    void everyFieldListedIsOneAContractWithEveryValueWrongReportsAndNoOtherIs() {
        Set<Field> reported = EnumSet.noneOf(Field.class);
        // Every number out of range, the texts blank, no role and no start date.
        reported.addAll(refused(() -> new Lease(" ", null, Optional.empty(), Optional.empty(), "", 0, -1, null, 0, 2, -1, false,
                OptionalDouble.of(-1))));
        // A lessor contract that names no cluster: a check the missing role above cannot reach.
        reported.addAll(refused(() -> new Lease("out", LeaseRole.LESSOR, Optional.empty(), Optional.empty(), "H100", 8, 2.0,
                LocalDate.of(2025, 1, 1), 12, 0, 8, false, OptionalDouble.empty())));

        assertThat(reported).containsExactlyInAnyOrderElementsOf(Lease.FIELDS);
    }
}
