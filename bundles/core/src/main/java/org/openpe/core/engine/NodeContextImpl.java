package org.openpe.core.engine;

import java.util.Optional;
import org.openpe.api.NodeContext;
import org.openpe.api.model.Underlay;

record NodeContextImpl(int nodeIndex, String routerNamespace, Optional<Underlay> underlay, VrfTables tables)
        implements NodeContext {

    @Override
    public int vrfTable(String vrf) {
        return tables.tableOf(vrf);
    }
}
