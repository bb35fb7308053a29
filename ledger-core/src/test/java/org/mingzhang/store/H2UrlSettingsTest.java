package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The settings Mingzhang adds to an H2 URL, and that a URL's own settings win. */
class H2UrlSettingsTest {

    @Test
    @DisplayName("a bare H2 URL gets the query cache and the page size")
    void added() {
        assertThat(Database.withH2Settings("jdbc:h2:file:/data/mingzhang"))
                .isEqualTo("jdbc:h2:file:/data/mingzhang;QUERY_CACHE_SIZE=" + Database.H2_QUERY_CACHE_SIZE
                        + ";PAGE_SIZE=" + Database.H2_PAGE_SIZE);
    }

    @Test
    @DisplayName("settings the URL gives itself are kept as given, in any case")
    void urlWins() {
        assertThat(Database.withH2Settings("jdbc:h2:file:/data/m;page_size=16384;Query_Cache_Size=8"))
                .isEqualTo("jdbc:h2:file:/data/m;page_size=16384;Query_Cache_Size=8");
        assertThat(Database.withH2Settings("jdbc:h2:file:/data/m;PAGE_SIZE=8192"))
                .isEqualTo("jdbc:h2:file:/data/m;PAGE_SIZE=8192;QUERY_CACHE_SIZE=" + Database.H2_QUERY_CACHE_SIZE);
    }
}
