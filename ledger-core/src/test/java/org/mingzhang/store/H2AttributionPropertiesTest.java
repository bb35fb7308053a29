package org.mingzhang.store;

import net.jqwik.api.Label;

@Label("Attribution properties on H2")
class H2AttributionPropertiesTest extends AttributionProperties {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
