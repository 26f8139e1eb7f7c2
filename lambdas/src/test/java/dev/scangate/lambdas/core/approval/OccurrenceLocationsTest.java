package dev.scangate.lambdas.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OccurrenceLocationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void describe_whenMacieOccurrences_givesPlacesNotValues() throws Exception {
        var locations = JSON.readTree("""
                [{"lineRanges":[{"start":12,"end":12,"startColumn":4}]},
                 {"cells":[{"row":3,"column":2,"columnName":"email","cellReference":null}]},
                 {"records":[{"recordIndex":0,"jsonPath":"$.customer.ssn"}]},
                 {"pages":[{"pageNumber":7}]}]""");

        assertThat(OccurrenceLocations.describe(locations, 10))
                .containsExactly("line 12", "row 3, column email", "record 0 $.customer.ssn", "page 7");
    }

    @Test
    void describe_whenMoreThanLimit_keepsFirstFew() throws Exception {
        var locations = JSON.readTree("[{\"start\":1},{\"start\":2},{\"start\":3},{\"start\":4}]");

        assertThat(OccurrenceLocations.describe(locations, 3)).containsExactly("line 1", "line 2", "line 3");
    }

    @Test
    void describe_whenNotAnArray_isEmpty() throws Exception {
        assertThat(OccurrenceLocations.describe(JSON.readTree("{\"x\":1}"), 3)).isEmpty();
        assertThat(OccurrenceLocations.describe(null, 3)).isEmpty();
    }
}
