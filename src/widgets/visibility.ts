// Whether an element is on screen, for loops that pause while their widget is scrolled away.
// NOTE: one IntersectionObserver callback can carry several entries for the same element (it left
// and came back within one frame); only the last one is current, so `([entry]) =>` would read a stale
// state and could leave a widget paused while it is on screen.

/** Calls `onChange(visible)` whenever `element` enters or leaves the viewport; returns a disconnect. */
export function watchVisibility(element: Element, onChange: (visible: boolean) => void): () => void {
  if (!("IntersectionObserver" in window)) return () => {};
  const observer = new IntersectionObserver((entries) => {
    const latest = entries.filter((e) => e.target === element).at(-1);
    if (latest) onChange(latest.isIntersecting);
  });
  observer.observe(element);
  return () => observer.disconnect();
}
