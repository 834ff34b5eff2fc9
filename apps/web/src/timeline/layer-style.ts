/** One color per layer, used by the filter chips and the row markers. */
export const LAYER_STYLE: Record<string, { label: string; dot: string }> = {
  user: { label: 'User', dot: 'bg-[#8e4ec6]' },
  network: { label: 'Network', dot: 'bg-[#0d74ce]' },
  frontend: { label: 'Frontend', dot: 'bg-[#ad5700]' },
  backend: { label: 'Backend', dot: 'bg-[#218358]' },
};

export function layerStyle(layer: string): { label: string; dot: string } {
  return (
    LAYER_STYLE[layer] ?? { label: layer.charAt(0).toUpperCase() + layer.slice(1), dot: 'bg-line-strong' }
  );
}
