package org.openpe.core.definition;

import java.util.List;
import org.openpe.l2vni.L2VniDefinition;
import org.openpe.l3vni.L3VniDefinition;
import org.openpe.passthrough.PassthroughDefinition;

/** The definitions of the plugins built with the core, as the tests use them. */
public final class TestDefinitions {

    public static final Definitions ALL =
            Definitions.of(List.of(new L3VniDefinition(), new L2VniDefinition(), new PassthroughDefinition()));

    private TestDefinitions() {}
}
