import { render } from "preact";
import { Options } from "./Options";
import "../ui/base.css";
import "./options.css";

render(<Options />, document.getElementById("app") as HTMLElement);
