/**
 * Stands in for webextension-polyfill in the bench bundle: the page marker reaches shared modules that
 * import it (through the popover host), and the real one throws outside an extension.
 */
export default {};
