// Entry of the bundle: registers the components under the namespace that the
// Python classes name (Dash looks components up as window[namespace][type]).

import NetworkView from "./NetworkView.js";

window.maillage_network_view = { NetworkView };
