package org.openpe.rawfrr;

import java.util.List;
import org.openpe.api.Contribution;
import org.openpe.api.NodeContext;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourcePlugin;
import org.openpe.api.frr.FrrFragment;
import org.openpe.api.model.Resource;
import org.osgi.service.component.annotations.Component;

/** RawFRRConfig: no kernel object; its text as a raw snippet of the FRR configuration. */
@Component(property = Reconciler.RESOURCE_TYPE + "=rawfrrconfig")
@ResourcePlugin("rawfrrconfig")
public class RawFrrReconciler implements Reconciler {

    @Override
    public Contribution contribute(Resource resource, NodeContext node) {
        return new Contribution(List.of(), FrrFragment.raw(((RawFrrConfig) resource).snippet()));
    }
}
