import { describe, expect, it } from "vitest";
import { DARK_THEME, LIGHT_THEME } from "@/lib/markdown/highlighter";

type Theme = {
  colors?: Record<string, string>;
  tokenColors?: { settings?: { foreground?: string; background?: string } }[];
};

/** Relative luminance of a #rrggbb color (WCAG 2). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe("the code themes", () => {
  // Code blocks take their background from the theme (app/markdown.css): every token color must
  // stand out from it as WCAG AA asks of text (4.5:1), in light and in dark mode.
  it.each([LIGHT_THEME, DARK_THEME])("%s gives every token 4.5:1 contrast on its background", async (name) => {
    const theme = ((await import(`shiki/themes/${name}.mjs`)) as { default: Theme }).default;
    const background = theme.colors?.["editor.background"] as string;
    expect(background).toMatch(/^#[0-9a-f]{6}$/i);
    const colors = new Set(
      [
        theme.colors?.["editor.foreground"],
        // Rules with a background of their own (diff markup, invalid code) bring their contrast with them.
        ...(theme.tokenColors ?? [])
          .filter((rule) => !rule.settings?.background)
          .map((rule) => rule.settings?.foreground),
      ]
        .filter((color): color is string => Boolean(color))
        .map((color) => color.slice(0, 7).toLowerCase()),
    );
    expect(colors.size).toBeGreaterThan(5);
    const failing = [...colors].filter((color) => contrast(color, background) < 4.5);
    expect(failing).toEqual([]);
  });
});
