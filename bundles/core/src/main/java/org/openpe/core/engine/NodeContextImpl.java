package org.openpe.core.engine;

import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.NodeContext;
import org.openpe.api.model.Underlay;

record NodeContextImpl(int nodeIndex, String routerNamespace, Optional<Underlay> underlay, VrfTables tables,
        OptionalInt underlayMtu)
        implements NodeContext {

    @Override
    public int vrfTable(String vrf) {
        return tables.tableOf(vrf);
    }
}
