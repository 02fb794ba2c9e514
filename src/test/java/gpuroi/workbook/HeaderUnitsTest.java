package gpuroi.workbook;

import gpuroi.model.Quantities.Per;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a header says about its column's unit, against the unit gpu-roi reads the column in. */
class HeaderUnitsTest {

    @ParameterizedTest(name = "''{0}'' {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "Other opex per GPU-year | GPU_MONTH | per year",
        "Opex ($/GPU/yr) | GPU_MONTH | per year",
        "Other opex (annual) | GPU_MONTH | per year",
        "Opex per GPU per day | GPU_MONTH | per day",
        "Start rental price ($/GPU-month) | GPU_HOUR | per month",
        "Rate [$/GPU-day] | GPU_HOUR | per day",
        "Price per GPU per week | GPU_HOUR | per week",
        "Electricity (¢/kWh) | KWH | in cents",
        "Electricity (cents/kWh) | KWH | in cents",
        "Electricity ($/MWh) | KWH | per MWh",
        "Power price per MWh | KWH | per MWh",
        "Capex per GPU ($k) | GPU | in thousands",
        "Capex per GPU (in $k) | GPU | in thousands",
        "Capex per GPU (USD '000) | GPU | in thousands",
        "Secondary price per GPU (thousands) | GPU | in thousands",
        "Total capex ($M) | NOTHING | in millions",
        "Total capex (USD mm) | NOTHING | in millions",
        "New price per GPU per year | GPU | per year",
        "Termination fee per month | NOTHING | per month",
    })
    void aHeaderNamingAnotherUnitOrAScaleIsCaught(String header, Per per, String says) {
        assertThat(HeaderUnits.contradiction(header, per)).hasValue(says);
    }

    @ParameterizedTest(name = "''{0}'' {1}")
    @CsvSource(delimiter = '|', value = {
        "Other opex per GPU-month | GPU_MONTH",
        "Opex (per GPU, monthly) | GPU_MONTH",
        "Other opex | GPU_MONTH",
        "Start price [$/GPU-hr] | GPU_HOUR",
        "Start rental price | GPU_HOUR",
        "Rate ($/GPU-hr) | GPU_HOUR",
        "Rate $/GPU-hr | GPU_HOUR",
        "Hourly rate | GPU_HOUR",
        "Reserved 1-yr ($/GPU-hr) | GPU_HOUR",
        "Reserved price per GPU-hr (1-yr contract) | GPU_HOUR",
        "Price per GPU-hr (USD, 1-yr reserved) | GPU_HOUR",
        "Rate ($/GPU-hr, 36 months) | GPU_HOUR",
        "On-demand (USD/GPU-hour) | GPU_HOUR",
        "Electricity $/kWh | KWH",
        "Electricity (USD/kWh) | KWH",
        "Electricity per kWh | KWH",
        "Capex per GPU ($) | GPU",
        "Capex per GPU (incl. networking) | GPU",
        "Capex per GPU (2023 prices) | GPU",
        "Secondary price per GPU | GPU",
        "Power per GPU (kW) | GPU",
        "Total capex ($) | NOTHING",
        "Total capex (USD) | NOTHING",
        "Termination fee ($) | NOTHING",
    })
    void aHeaderInTheColumnsOwnUnitOrWithACommentPasses(String header, Per per) {
        assertThat(HeaderUnits.contradiction(header, per)).isEmpty();
    }
}
