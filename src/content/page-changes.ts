/**
 * What a change the page's observer reports means for the marks: our own element coming and going,
 * or whole blocks added and removed.
 */
import { blockOf } from "../engine/page-elements";
import { HOST_TAG } from "../shared/host-tag";

/**
 * Whether a change only adds or removes whole blocks (with comments and white space between them):
 * then no other block's text changed, and only the blocks added need reading.
 */
export function addsOrRemovesWholeBlocks(record: MutationRecord): boolean {
  if (record.type !== "childList") return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  const isBlock = (node: Node) =>
    node.nodeType === Node.ELEMENT_NODE && node.nodeName !== "BR" && blockOf(node) === node;
  const between = (node: Node) =>
    node.nodeType === Node.COMMENT_NODE ||
    (node.nodeType === Node.TEXT_NODE && !/\S/.test(node.textContent ?? ""));
  return nodes.some(isBlock) && nodes.every((node) => isBlock(node) || between(node));
}

/** Opening and closing the explainer adds and removes our host element: not a change to the page. */
export function isOurOwn(record: MutationRecord): boolean {
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((node) => node.nodeName.toLowerCase() === HOST_TAG);
}
