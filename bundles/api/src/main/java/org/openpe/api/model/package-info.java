/**
 * The resource contract ({@link org.openpe.api.model.Resource}), the underlay (the platform's own
 * resource) and the building blocks several resource types share (host sessions, CIDRs), with
 * their defaults applied, the node settings, and per-node address allocation. Each plugin's own
 * model lives in its bundle. Instances reaching plugins are validated by the core.
 */
@Export
@Version("2.0.0")
package org.openpe.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
