/** A simple Greenhouse-style mark (a sprout in a circle), drawn here rather than copied from Greenhouse. */
export function GreenhouseLogo({ size = 20 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="11" fill="#24a47f" />
      <path
        d="M12 18v-6M12 12c0-3 2-5 5-5 0 3-2 5-5 5zM12 13c0-2.5-1.7-4-4-4 0 2.4 1.6 4 4 4z"
        fill="#fff"
        stroke="#fff"
        strokeWidth="1.2"
        strokeLinecap="round"
      />
    </svg>
  );
}
