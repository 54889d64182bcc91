import { render } from "preact";
import { Popup } from "./Popup";
import "../ui/base.css";
import "./popup.css";

render(<Popup />, document.getElementById("app") as HTMLElement);
