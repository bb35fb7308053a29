package org.mingzhang.store;

import net.jqwik.api.Label;

@Label("Matching properties on H2")
class H2MatchingPropertiesTest extends MatchingProperties {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
