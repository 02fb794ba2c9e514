package gpuroi.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderMatcherTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GPUs                         | GPU count",
            "GPU count                    | GPU count",
            "Qty                          | GPU count",
            "# of GPUs                    | GPU count",
            "  gpu   COUNT  (units)       | GPU count",
            "Capex per GPU ($)            | Capex per GPU",
            "Price per GPU                | Capex per GPU",
            "Total capex                  | Total capex",
            "Total capex [USD]            | Total capex",
            "Start price [$/GPU-hr]       | Start rental price",
            "Price per GPU-hr             | Start rental price",
            "Rental rate $/GPU-hr         | Start rental price",
            "Power kW                     | Power per GPU",
            "Utilization %                | Utilization",
            "Electricity ($/kWh)          | Electricity $/kWh",
            "Secondary price per GPU      | Secondary price per GPU",
            "Cluster ID                   | Cluster id",
            "Useful life (years)          | Useful life",
    })
    void fleetHeadersAreMatchedIgnoringCasePunctuationUnitsAndSpaces(String header, String expectedLabel) {
        Column c = HeaderMatcher.match(header, FleetSheet.COLUMNS);
        assertThat(c).as(header).isNotNull();
        assertThat(c.label()).isEqualTo(expectedLabel);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Notes", "Owner", "Rack location", "", "Depreciation"})
    void unknownHeadersMatchNothing(String header) {
        assertThat(HeaderMatcher.match(header, FleetSheet.COLUMNS)).isNull();
    }
}
