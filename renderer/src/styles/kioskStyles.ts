// The kiosk's look, for every page that draws its screens: the kiosk page, and the agent page's mirror.
import 'virtual:kiosk-colours.css';
import './base.css';
import './screens.css';
import './components.css';
import './access.css';
import './keyboard.css';
import './visit.css';
