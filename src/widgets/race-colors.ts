// One colour per optimizer, darker on the light theme and lighter on the dark one so that every
// path stands out from the page; AdamW is also dashed, since on most surfaces it overlaps Adam.
import type { OptimizerId } from "./optimizer-race-model";

const LIGHT: Record<OptimizerId, string> = {
  gd: "#5f6368", momentum: "#1f5fbf", nesterov: "#7b3fc4", rmsprop: "#1b7f35", adam: "#c2410c", adamw: "#9a6b00",
};
const DARK: Record<OptimizerId, string> = {
  gd: "#c4c7cc", momentum: "#7fb0ff", nesterov: "#c9a4ff", rmsprop: "#6fd98c", adam: "#ff9a5c", adamw: "#f2c94c",
};

export function optimizerColor(id: OptimizerId): string {
  return (document.documentElement.dataset.theme === "dark" ? DARK : LIGHT)[id];
}

export const dashOf = (id: OptimizerId) => (id === "adamw" ? "6 3" : undefined);
