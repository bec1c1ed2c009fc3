/** FRRouting for OpenPE: render, apply, supervise and observe one FRR instance per router namespace. */
@Export
@Version("1.0.0")
package org.openpe.frr;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
